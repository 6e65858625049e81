import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { OPENID_MESSAGE, OPENID_PATTERN } from '@shared/plain/contact';
import { boolAttr } from '../../utils/boolAttr';
import { PERSONAS } from './personas';

export interface PersonaPickerProps {
  busy: boolean;
  onPick: (openid: string) => void;
}

/** Demo mode only: log in as a seeded persona or any openid. */
export function PersonaPicker({ busy, onPick }: PersonaPickerProps) {
  const [openid, setOpenid] = useState('');
  const [error, setError] = useState<string | null>(null);

  const pickTyped = () => {
    const typed = openid.trim();
    if (!OPENID_PATTERN.test(typed)) {
      setError(OPENID_MESSAGE);
      return;
    }
    setError(null);
    onPick(typed);
  };

  return (
    <View className='persona-picker'>
      <Text className='me-page__section-title'>演示身份</Text>
      <View className='persona-picker__buttons'>
        {PERSONAS.map((p) => (
          <Button key={p.openid} className='persona-button' size='mini' disabled={boolAttr(busy)} onClick={() => onPick(p.openid)}>
            {`${p.label}（${p.openid}）`}
          </Button>
        ))}
      </View>
      <View className='persona-picker__custom'>
        <Input
          className='persona-openid'
          placeholder='或输入任意 openid'
          maxlength={64}
          value={openid}
          onInput={(e) => {
            setOpenid(e.detail.value);
            setError(null);
          }}
        />
        <Button className='persona-login' size='mini' disabled={boolAttr(busy)} onClick={pickTyped}>
          登录
        </Button>
      </View>
      {error ? <Text className='field-error'>{error}</Text> : null}
    </View>
  );
}
