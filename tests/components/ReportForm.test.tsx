import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ReportForm, emptyReportForm } from '../../src/party/pages/member-report/ReportForm';
import { fieldErrorsOf } from '../../src/components/form/fieldErrors';
import { ApiFailure } from '../../src/api/failure';

async function typeInto(placeholder: string, value: string): Promise<void> {
  const input = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!found) throw new Error(`no input with placeholder ${placeholder}`);
    return found;
  });
  fireEvent.input(input, { target: { value } });
}

async function fillValidForm(): Promise<void> {
  await typeInto('请输入姓名', '李华');
  await typeInto('请输入 11 位手机号码', '13900001111');
  await typeInto('如：安徽省某某县某某村党支部', '安徽省某县某村党支部');
  await typeInto('如：美团、顺丰、某某物流公司', '顺丰速运');
  fireEvent.click(screen.getByText('作为流动党员参加组织生活'));
}

describe('ReportForm', () => {
  it('when consent is not ticked, then it does not submit and asks for consent', async () => {
    const onSubmit = jest.fn();
    render(<ReportForm onSubmit={onSubmit} />);

    await fillValidForm();
    fireEvent.click(screen.getByText('提交报到'));

    expect(screen.getByText('请阅读并同意个人信息处理说明')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when only the notice is ticked and not the separate consent for sensitive information, then it does not submit', async () => {
    const onSubmit = jest.fn();
    render(<ReportForm onSubmit={onSubmit} />);

    await fillValidForm();
    expect(screen.getByText('我单独同意工作人员处理我填写的党员身份和组织关系信息')).toBeTruthy();
    fireEvent.click(document.querySelector('.report-consent')!);
    fireEvent.click(screen.getByText('提交报到'));

    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when it is opened for someone the app knows, then name and phone are already filled in', async () => {
    render(<ReportForm initial={{ ...emptyReportForm(), name: '王师傅', phone: '13800000011' }} onSubmit={jest.fn()} />);
    await waitFor(() => expect(document.querySelector<HTMLInputElement>('input[placeholder="请输入姓名"]')?.value).toBe('王师傅'));
    expect(document.querySelector<HTMLInputElement>('input[placeholder="请输入 11 位手机号码"]')?.value).toBe('13800000011');
  });

  it('when the form is valid and consent is ticked, then it submits the typed fields with consent: true', async () => {
    const onSubmit = jest.fn();
    render(<ReportForm onSubmit={onSubmit} />);

    await fillValidForm();
    fireEvent.click(document.querySelector('.report-consent')!);
    fireEvent.click(document.querySelector('.report-consent-sensitive')!);
    fireEvent.click(screen.getByText('提交报到'));

    expect(onSubmit).toHaveBeenCalledWith({
      name: '李华',
      phone: '13900001111',
      homeOrg: '安徽省某县某村党支部',
      employer: '顺丰速运',
      wish: 'flow',
      consent: true,
    });
  });
});

describe('fieldErrorsOf', () => {
  it("puts the server's INVALID_INPUT issues under their fields, first message each", () => {
    const failure = new ApiFailure('INVALID_INPUT', '填写的内容有误，请检查后重试', [
      { path: ['birthMonth'], message: '年满 18 周岁方可提交入党意向' },
      { path: ['phone'], message: '请输入 11 位手机号码' },
      { path: ['phone'], message: '另一条' },
      { path: ['unknown'], message: '不显示' },
    ]);

    expect(fieldErrorsOf(failure, ['birthMonth', 'phone'] as const)).toEqual({
      birthMonth: '年满 18 周岁方可提交入党意向',
      phone: '请输入 11 位手机号码',
    });
  });

  it('gives nothing for other failures, which the page shows as one message', () => {
    expect(fieldErrorsOf(new ApiFailure('ALREADY_SUBMITTED', '您已有一份正在跟进的入党意向'), ['name'] as const)).toBeUndefined();
  });
});
