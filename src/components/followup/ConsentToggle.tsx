import { Text, View } from '@tarojs/components';
import '../form/index.scss';
import './index.scss';

export interface ConsentToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
  error?: string;
}

/** The separate consent for sensitive personal information (PIPL art. 29): never pre-ticked, never bundled. */
export function ConsentToggle({ checked, onChange, className = '', error }: ConsentToggleProps) {
  return (
    <View className='consent'>
      <View className={`consent__row ${className}${checked ? ' consent__row--checked' : ''}`} onClick={() => onChange(!checked)}>
        <View className='consent__box'>
          <Text>{checked ? '✓' : ''}</Text>
        </View>
        <Text className='consent__text'>我已阅读并同意上面的《个人信息处理说明》，同意工作人员据此处理我填写的信息</Text>
      </View>
      {error ? <Text className='field-error consent__error'>{error}</Text> : null}
    </View>
  );
}
