import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { IntentForm, emptyIntentForm, type IntentFormValues } from '../../src/party/pages/intent/IntentForm';

/** 25 Nov 2026, 10:00 in Shanghai. */
const NOW = new Date('2026-11-25T10:00:00+08:00');
const now = () => NOW;

/** Taro's <Input> renders its real <input> a tick later; the person types into that one. */
function field(placeholder: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const input = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!input) throw new Error(`no input with placeholder ${placeholder}`);
    return input;
  });
}

async function typeInto(placeholder: string, value: string): Promise<void> {
  fireEvent.input(await field(placeholder), { target: { value } });
}

/** What the month picker hands back once the person taps 确定. */
function pickBirthMonth(value: string): void {
  const picker = document.querySelector('.intent-birth-month');
  if (!picker) throw new Error('no birth month picker');
  fireEvent(picker, new CustomEvent('change', { detail: { value } }));
}

const tap = (text: string) => fireEvent.click(screen.getByText(text));
const submit = () => tap('提交入党意向');

async function fillValidForm(): Promise<void> {
  await typeInto('请输入姓名', ' 王小明 ');
  tap('男');
  pickBirthMonth('1998-05');
  await typeInto('请输入 11 位手机号码', '13812345678');
  tap('外卖骑手');
  await typeInto('如：美团、顺丰、某某物流公司', '美团');
  tap('共青团员');
}

const filled = (overrides: Partial<IntentFormValues> = {}): IntentFormValues => ({
  ...emptyIntentForm(),
  name: '王小明',
  gender: 'male',
  birthMonth: '1998-05',
  phone: '13812345678',
  occupation: 'rider',
  politicalStatus: 'masses',
  ...overrides,
});

describe('IntentForm', () => {
  it('shows the privacy notice: who sees the data, for what, how long it is kept, how to withdraw', () => {
    render(<IntentForm now={now} onSubmit={jest.fn()} />);

    expect(screen.getByText('个人信息处理说明')).toBeTruthy();
    expect(screen.getByText(/谁能看到/)).toBeTruthy();
    expect(screen.getByText(/用来做什么/)).toBeTruthy();
    expect(screen.getByText(/保存 3 年/)).toBeTruthy();
    expect(screen.getByText(/如何撤回/)).toBeTruthy();
  });

  it('when everything is filled in but consent is not ticked, then it does not submit and asks for consent', async () => {
    const onSubmit = jest.fn();
    render(<IntentForm now={now} onSubmit={onSubmit} />);

    await fillValidForm();
    submit();

    expect(screen.getByText('请阅读并同意个人信息处理说明')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when the birth month makes the person 17, then it shows the under-18 message under 出生年月 and does not submit', async () => {
    const onSubmit = jest.fn();
    render(<IntentForm now={now} initial={filled({ consent: true })} onSubmit={onSubmit} />);

    // Born December 2008: 18 only from December 2026.
    pickBirthMonth('2008-12');
    submit();

    expect(screen.getByText('年满 18 周岁方可提交入党意向')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('counts by month in Shanghai: born November 2008, the person is 18 in November 2026', async () => {
    const onSubmit = jest.fn();
    render(<IntentForm now={now} initial={filled({ consent: true, birthMonth: '2008-11' })} onSubmit={onSubmit} />);

    submit();

    expect(screen.queryByText('年满 18 周岁方可提交入党意向')).toBeNull();
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('when nothing is filled in, then each required field says what is missing', () => {
    render(<IntentForm now={now} onSubmit={jest.fn()} />);

    submit();

    expect(screen.getByText('请填写姓名')).toBeTruthy();
    expect(screen.getByText('请选择性别')).toBeTruthy();
    expect(screen.getByText('请选择出生年月', { selector: '.field-error' })).toBeTruthy();
    expect(screen.getByText('请输入 11 位手机号码', { selector: '.field-error' })).toBeTruthy();
    expect(screen.getByText('请选择职业')).toBeTruthy();
    expect(screen.getByText('请选择政治面貌')).toBeTruthy();
    expect(screen.getByText('请阅读并同意个人信息处理说明')).toBeTruthy();
  });

  it('when the form is valid and consent is ticked, then it submits the typed fields with consent: true', async () => {
    const onSubmit = jest.fn();
    render(<IntentForm now={now} onSubmit={onSubmit} />);

    await fillValidForm();
    fireEvent.click(document.querySelector('.intent-consent')!);
    fireEvent.click(document.querySelector('.intent-consent-sensitive')!);
    submit();

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({
      name: '王小明',
      gender: 'male',
      birthMonth: '1998-05',
      phone: '13812345678',
      occupation: 'rider',
      employer: '美团',
      politicalStatus: 'league_member',
      consent: true,
    });
    expect(document.querySelector('.field-error')).toBeNull();
  });

  it('never asks for an ID card number or a home address', () => {
    render(<IntentForm now={now} onSubmit={jest.fn()} />);

    expect(screen.queryByText(/身份证号/, { selector: '.followup-form__label' })).toBeNull();
    expect(screen.queryByText(/住址/, { selector: '.followup-form__label' })).toBeNull();
  });

  it('shows the messages the server sent for a field', () => {
    render(<IntentForm now={now} errors={{ birthMonth: '出生年月不能晚于当前月份' }} onSubmit={jest.fn()} />);

    expect(screen.getByText('出生年月不能晚于当前月份')).toBeTruthy();
  });

  it('when editing, then it does not ask for consent again and submits the changed fields', async () => {
    const onSubmit = jest.fn();
    render(<IntentForm now={now} editing initial={filled({ consent: true })} onSubmit={onSubmit} />);

    expect(document.querySelector('.intent-consent')).toBeNull();
    tap('快递员');
    tap('保存修改');

    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ occupation: 'courier', consent: true }));
  });

  it('does not submit twice while a submission is on its way', () => {
    const onSubmit = jest.fn();
    render(<IntentForm now={now} submitting initial={filled({ consent: true })} onSubmit={onSubmit} />);

    submit();

    expect(onSubmit).not.toHaveBeenCalled();
  });
});
