import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ClaimForm } from '../../src/hr/pages/center/ClaimForm';

async function typeInto(placeholder: string, value: string): Promise<void> {
  const input = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!found) throw new Error(`no input with placeholder ${placeholder}`);
    return found;
  });
  fireEvent.input(input, { target: { value } });
}

const NAME = '与营业执照上的名称一致';
const USCC = '18 位，见营业执照左上角';
const submit = () => fireEvent.click(screen.getByText('提交认领'));

describe('ClaimForm', () => {
  it('when the code fails the GB 32100 checksum, then it says so under the code and sends nothing', async () => {
    const onSubmit = jest.fn();
    render(<ClaimForm onSubmit={onSubmit} />);

    await typeInto(NAME, '上海咏姿时装有限公司');
    // The check character of 91310000132149237 is G, not H.
    await typeInto(USCC, '91310000132149237H');
    submit();

    expect(screen.getByText('统一社会信用代码校验未通过，请核对营业执照上的代码')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when the code is too short or has a letter the standard leaves out, then it says which', async () => {
    const onSubmit = jest.fn();
    render(<ClaimForm onSubmit={onSubmit} />);

    await typeInto(NAME, '上海咏姿时装有限公司');
    await typeInto(USCC, '9131000013214');
    submit();
    expect(screen.getByText('统一社会信用代码应为 18 位')).toBeTruthy();

    await typeInto(USCC, '91310000132149237I');
    submit();
    expect(screen.getByText('统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when the name, a valid code and who is claiming are given, then it submits the code in upper case', async () => {
    const onSubmit = jest.fn();
    render(<ClaimForm onSubmit={onSubmit} />);

    await typeInto(NAME, ' 上海咏姿时装有限公司 ');
    await typeInto(USCC, '91310000132149237g');
    await typeInto('您的真实姓名', '周敏');
    await typeInto('工作人员核实时联系您', '13912345678');
    submit();

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ name: '上海咏姿时装有限公司', uscc: '91310000132149237G', claimantName: '周敏', claimantPhone: '13912345678' });
    expect(document.querySelector('.field-error')).toBeNull();
  });

  it('when nothing is filled in, then both fields say what is missing', () => {
    const onSubmit = jest.fn();
    render(<ClaimForm onSubmit={onSubmit} />);

    submit();

    expect(screen.getByText('请填写营业执照上的企业全称')).toBeTruthy();
    expect(screen.getByText('统一社会信用代码应为 18 位')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when the claimant leaves out their name and phone, then it asks for them, since staff call to verify', async () => {
    const onSubmit = jest.fn();
    render(<ClaimForm onSubmit={onSubmit} />);

    await typeInto(NAME, '上海咏姿时装有限公司');
    await typeInto(USCC, '91310000132149237G');
    submit();

    expect(screen.getByText('请输入 11 位手机号码')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the messages the server sent for a field', () => {
    render(<ClaimForm errors={{ uscc: '该代码已被其他人认领' }} onSubmit={jest.fn()} />);

    expect(screen.getByText('该代码已被其他人认领')).toBeTruthy();
  });

  it('does not submit twice while a claim is on its way', () => {
    const onSubmit = jest.fn();
    render(<ClaimForm initial={{ name: '上海咏姿时装有限公司', uscc: '91310000132149237G' }} submitting onSubmit={onSubmit} />);

    submit();

    expect(onSubmit).not.toHaveBeenCalled();
  });
});
