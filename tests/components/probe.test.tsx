import { render, screen, fireEvent } from '@testing-library/react';
import { useState } from 'react';
import { View, Text, Input, Button } from '@tarojs/components';

function P() {
  const [v, setV] = useState('');
  const [s, setS] = useState('');
  return (
    <View>
      <Input placeholder="姓名" value={v} onInput={(e) => setV(e.detail.value)} />
      <Button className="go" onClick={() => setS(v)}>报名</Button>
      <Text>结果:{s}</Text>
    </View>
  );
}
it('probe', async () => {
  const { container } = render(<P />);
  await new Promise((r) => setTimeout(r, 50));
  console.log(container.innerHTML);
  const input = container.querySelector('input') ;
  console.log(!!input);
  if (input) { fireEvent.input(input, { target: { value: '张三' } }); }
  fireEvent.click(screen.getByText('报名'));
  await new Promise((r) => setTimeout(r, 50));
  console.log(container.innerHTML);
});
