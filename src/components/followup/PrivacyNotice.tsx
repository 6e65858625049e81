import { Text, View } from '@tarojs/components';
import { RETENTION_YEARS } from '@shared/intents';
import './index.scss';

export interface PrivacyNoticeProps {
  what: '入党意向' | '党员报到';
}

const SENSITIVE: Record<PrivacyNoticeProps['what'], string> = {
  入党意向: '政治面貌等属于敏感个人信息',
  党员报到: '党员身份和组织关系所在党组织属于敏感个人信息',
};

const PURPOSE: Record<PrivacyNoticeProps['what'], string> = {
  入党意向: '与您联系，了解您的入党意愿，按程序为您对接党组织、开展培养联系。',
  党员报到: '与您联系，为您办理组织关系转入或流动党员登记，安排您参加组织生活。',
};

/** The short, plain notice shown before the form: who sees the data, for what, how long it is kept, how to withdraw. */
export function PrivacyNotice({ what }: PrivacyNoticeProps) {
  return (
    <View className='privacy-notice'>
      <Text className='privacy-notice__title'>个人信息处理说明</Text>
      <Text className='privacy-notice__item'>
        {`谁能看到：只有您本人和佘山镇综合党委负责党建工作的工作人员。不会提供给您的用人单位或平台。`}
      </Text>
      <Text className='privacy-notice__item'>{`用来做什么：${PURPOSE[what]}不会用于其他用途。`}</Text>
      <Text className='privacy-notice__item'>
        {`保存多久：办理结束后保存 ${RETENTION_YEARS} 年，到期删除姓名、电话等个人信息。`}
      </Text>
      <Text className='privacy-notice__item'>
        {`如何撤回：随时可以在本页点“撤回”，您填写的个人信息会立即删除，且无法恢复。`}
      </Text>
      <Text className='privacy-notice__item'>{`不收集身份证号码和家庭住址。${SENSITIVE[what]}，需要您在下方单独勾选同意。`}</Text>
    </View>
  );
}
