import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { ENTERPRISE_SIZES, EnterpriseUpdateInput, type Enterprise, type EnterpriseSize } from '@shared/recruitment';
import { ENTERPRISE_SIZE_LABELS } from '@shared/labels';
import type { z } from 'zod';
import { messageOf } from '../../../api/failure';
import { FormRow, TextRow } from '../../../components/form/FormRow';
import { OptionPicker } from '../../../components/form/OptionPicker';
import { logoSrc } from '../../../components/recruitment/logoSrc';
import { checkWith, type FieldErrors } from '../../../components/form/fieldErrors';
import { useZodForm } from '../../../components/form/useZodForm';
import { boolAttr } from '../../../utils/boolAttr';
import type { LogoChoice, LogoInput, LogoValue } from './logo';

export type EnterpriseUpdate = z.infer<typeof EnterpriseUpdateInput>;

export interface EnterpriseFormValues {
  industry: string;
  size: EnterpriseSize | null;
  address: string;
  contactName: string;
  contactPhone: string;
  intro: string;
  logo: LogoValue;
}

export type EnterpriseField = keyof EnterpriseFormValues;
export const ENTERPRISE_FIELDS: readonly EnterpriseField[] = ['industry', 'size', 'address', 'contactName', 'contactPhone', 'intro', 'logo'];
export type EnterpriseFormErrors = FieldErrors<EnterpriseField>;

const INTRO_MAX = 1000;

export function enterpriseFormFrom(enterprise: Enterprise): EnterpriseFormValues {
  return {
    industry: enterprise.industry ?? '',
    size: enterprise.size,
    address: enterprise.address ?? '',
    contactName: enterprise.contactName ?? '',
    contactPhone: enterprise.contactPhone ?? '',
    intro: enterprise.intro ?? '',
    logo: enterprise.logo,
  };
}

/**
 * The `enterprises.update` payload. Texts are sent even when emptied, so clearing one reaches the server;
 * a contact name or phone left empty is left out (the contract has no empty name or phone); the logo only when changed.
 */
export function validateEnterprise(
  id: string,
  values: EnterpriseFormValues,
  logoChanged: boolean,
): { ok: true; input: EnterpriseUpdate } | { ok: false; errors: EnterpriseFormErrors } {
  const contactName = values.contactName.trim();
  const contactPhone = values.contactPhone.trim();
  const payload = {
    id,
    industry: values.industry,
    ...(values.size ? { size: values.size } : {}),
    address: values.address,
    ...(contactName ? { contactName } : {}),
    ...(contactPhone ? { contactPhone } : {}),
    intro: values.intro,
    ...(logoChanged ? { logo: newLogo(values.logo) } : {}),
  };
  return checkWith(EnterpriseUpdateInput, payload, ENTERPRISE_FIELDS);
}

/** A changed logo is either newly chosen (sent as bytes) or removed. */
function newLogo(logo: LogoValue): LogoInput | null {
  return logo && 'data' in logo ? logo : null;
}

export interface EnterpriseFormProps {
  enterprise: Enterprise;
  saving?: boolean;
  errors?: EnterpriseFormErrors;
  /** Opens the image picker; platform files do the reading. */
  chooseLogo: () => Promise<LogoChoice>;
  onSave: (input: EnterpriseUpdate) => void;
}

/** 企业资料: industry, size, address, contact, introduction and logo, as job seekers will see them. */
export function EnterpriseForm({ enterprise, saving = false, errors: serverErrors, chooseLogo, onSave }: EnterpriseFormProps) {
  const { values, errors, set, setError, submit } = useZodForm<EnterpriseFormValues, EnterpriseField>({
    initial: () => enterpriseFormFrom(enterprise),
    serverErrors,
    busy: saving,
  });
  const [logoChanged, setLogoChanged] = useState(false);
  const [choosing, setChoosing] = useState(false);

  const pickLogo = async () => {
    if (choosing) return;
    setChoosing(true);
    try {
      const choice = await chooseLogo();
      if (!choice) return;
      if (!choice.ok) {
        setError('logo', choice.message);
        return;
      }
      set('logo', choice.logo);
      setLogoChanged(true);
    } catch (e) {
      setError('logo', messageOf(e));
    } finally {
      setChoosing(false);
    }
  };

  const removeLogo = () => {
    set('logo', null);
    setLogoChanged(true);
  };

  const save = () =>
    submit(
      (v) => validateEnterprise(enterprise.id, v, logoChanged),
      (checked) => onSave(checked.input),
      () => void Taro.showToast({ title: '请检查标红的内容', icon: 'none' }),
    );

  const logo = logoSrc(values.logo);
  return (
    <View className='followup-form enterprise-form'>
      <FormRow label='企业标志' optional error={errors.logo}>
        <View className='enterprise-form__logo'>
          {logo ? <Image className='enterprise-form__logo-image' src={logo} mode='aspectFit' nativeProps={{ alt: '企业标志预览' }} /> : null}
          <Button className='enterprise-logo-choose' size='mini' disabled={boolAttr(choosing)} onClick={() => void pickLogo()}>
            {choosing ? '正在处理图片…' : logo ? '更换图片' : '选择图片'}
          </Button>
          {logo ? (
            <Button className='enterprise-logo-remove' size='mini' onClick={removeLogo}>
              移除
            </Button>
          ) : null}
        </View>
        <Text className='followup-form__count enterprise-form__logo-hint'>可直接选手机里的照片，会居中裁成正方形并自动压缩</Text>
      </FormRow>
      <TextRow
        label='所属行业'
        optional
        error={errors.industry}
        field='enterprise-industry'
        placeholder='如：服装制造、物流配送'
        maxlength={30}
        value={values.industry}
        onInput={(v) => set('industry', v)}
      />
      <FormRow label='企业规模' optional error={errors.size}>
        <OptionPicker
          className='enterprise-size'
          options={ENTERPRISE_SIZES}
          labels={ENTERPRISE_SIZE_LABELS}
          value={values.size}
          placeholder='请选择企业规模'
          onChange={(size) => set('size', size)}
        />
      </FormRow>
      <TextRow
        label='企业地址'
        optional
        error={errors.address}
        field='enterprise-address'
        placeholder='如：松江区佘山镇某某路 88 号'
        maxlength={100}
        value={values.address}
        onInput={(v) => set('address', v)}
      />
      <TextRow
        label='招聘联系人'
        optional
        error={errors.contactName}
        field='enterprise-contact-name'
        placeholder='姓名'
        maxlength={20}
        value={values.contactName}
        onInput={(v) => set('contactName', v)}
      />
      <TextRow
        label='联系电话'
        optional
        error={errors.contactPhone}
        field='enterprise-contact-phone'
        type='number'
        placeholder='11 位手机号码'
        maxlength={11}
        value={values.contactPhone}
        onInput={(v) => set('contactPhone', v)}
      />
      <TextRow
        label='企业简介'
        optional
        error={errors.intro}
        field='enterprise-intro'
        multiline
        placeholder='主营业务、发展情况、工作环境等，求职者会在岗位页看到'
        maxlength={INTRO_MAX}
        value={values.intro}
        onInput={(v) => set('intro', v)}
      />
      <View className='followup-form__actions'>
        <Button className='followup-form__submit enterprise-save' disabled={boolAttr(saving)} onClick={save}>
          保存企业资料
        </Button>
      </View>
    </View>
  );
}
