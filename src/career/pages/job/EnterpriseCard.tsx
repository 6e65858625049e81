import { Image, Text, View } from '@tarojs/components';
import type { Enterprise } from '@shared/recruitment';
import { ENTERPRISE_SIZE_LABELS } from '@shared/labels';
import { logoSrc } from '../../../components/recruitment/logoSrc';

/** The enterprise behind a job: logo, name, what it does and where, its introduction. */
export function EnterpriseCard({ enterprise }: { enterprise: Enterprise }) {
  const logo = logoSrc(enterprise.logo);
  const facts = [enterprise.industry, enterprise.size ? ENTERPRISE_SIZE_LABELS[enterprise.size] : null].filter(Boolean).join(' · ');
  return (
    <View className='job-detail__section enterprise-card'>
      <View className='enterprise-card__head'>
        {logo ? <Image className='enterprise-card__logo' src={logo} mode='aspectFit' nativeProps={{ alt: `${enterprise.name}的标志` }} /> : null}
        <View className='enterprise-card__who'>
          <Text className='enterprise-card__name'>{enterprise.name}</Text>
          {facts ? <Text className='enterprise-card__facts'>{facts}</Text> : null}
          {enterprise.verified ? <Text className='enterprise-card__verified'>已认证企业</Text> : null}
        </View>
      </View>
      {enterprise.address ? <Text className='enterprise-card__line'>{`地址：${enterprise.address}`}</Text> : null}
      {enterprise.contactName ? (
        <Text className='enterprise-card__line' userSelect>
          {`联系人：${enterprise.contactName}${enterprise.contactPhone ? ` ${enterprise.contactPhone}` : ''}`}
        </Text>
      ) : null}
      {enterprise.intro ? (
        <Text className='enterprise-card__intro' userSelect>
          {enterprise.intro}
        </Text>
      ) : null}
    </View>
  );
}
