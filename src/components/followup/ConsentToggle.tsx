import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import '../form/index.scss';
import './index.scss';

export interface ConsentToggleProps {
  /** Both ticks given. */
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
  error?: string;
  /** The sensitive personal information the second tick is about. */
  sensitive?: string;
}

/**
 * Two ticks, as the notice promises (PIPL art. 29): one for the processing notice, and a separate one for the
 * sensitive personal information. Never pre-ticked, never bundled; the form counts as consented only with both.
 */
export function ConsentToggle({ checked, onChange, className = '', error, sensitive = '政治面貌等敏感个人信息' }: ConsentToggleProps) {
  const [ticks, setTicks] = useState({ notice: checked, sensitive: checked });
  const toggle = (which: 'notice' | 'sensitive') => {
    const next = { ...ticks, [which]: !ticks[which] };
    setTicks(next);
    onChange(next.notice && next.sensitive);
  };

  return (
    <View className='consent'>
      <Tick
        className={`${className} consent__notice`}
        checked={ticks.notice}
        text='我已阅读并同意上面的《个人信息处理说明》，同意工作人员据此处理我填写的信息'
        onToggle={() => toggle('notice')}
      />
      <Tick
        className={`${className}-sensitive consent__sensitive`}
        checked={ticks.sensitive}
        text={`我单独同意工作人员处理我填写的${sensitive}`}
        onToggle={() => toggle('sensitive')}
      />
      {error ? <Text className='field-error consent__error'>{error}</Text> : null}
    </View>
  );
}

function Tick({ className, checked, text, onToggle }: { className: string; checked: boolean; text: string; onToggle: () => void }) {
  return (
    <View
      className={`consent__row ${className}${checked ? ' consent__row--checked' : ''}`}
      aria-role='checkbox'
      aria-checked={checked ? 'true' : 'false'}
      onClick={onToggle}
    >
      <View className='consent__box' aria-hidden='true'>
        <Text>{checked ? '✓' : ''}</Text>
      </View>
      <Text className='consent__text'>{text}</Text>
    </View>
  );
}
