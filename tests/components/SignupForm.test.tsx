import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SignupForm } from '../../src/pages/events/detail/SignupForm';

/**
 * Taro's <Input> is a web component that renders its real <input> a tick later;
 * the person types into that one (the host element carries the same placeholder).
 */
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

const NAME = '请输入姓名';
const PHONE = '请输入 11 位手机号码';

function submit(): void {
  fireEvent.click(screen.getByText('报名'));
}

describe('SignupForm', () => {
  it('when both fields are empty, then it shows a Chinese message under each and does not submit', async () => {
    const onSubmit = jest.fn();
    render(<SignupForm onSubmit={onSubmit} />);

    submit();

    expect(screen.getByText('请填写姓名')).toBeTruthy();
    expect(screen.getByText('请输入 11 位手机号码', { selector: '.field-error' })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when the phone number is not a mainland mobile number, then it says so and does not submit', async () => {
    const onSubmit = jest.fn();
    render(<SignupForm onSubmit={onSubmit} />);

    await typeInto(NAME, '王小明');
    await typeInto(PHONE, '1234567');
    submit();

    expect(screen.getByText('请输入 11 位手机号码', { selector: '.field-error' })).toBeTruthy();
    expect(screen.queryByText('请填写姓名')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  // The phone field is a number input (numeric keyboard), so spaces never reach it; the name may carry some.
  it('when the input is valid, then it submits the trimmed name and the phone', async () => {
    const onSubmit = jest.fn();
    render(<SignupForm onSubmit={onSubmit} />);

    await typeInto(NAME, '  王小明 ');
    await typeInto(PHONE, '13812345678');
    submit();

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ name: '王小明', phone: '13812345678' }, {});
    expect(document.querySelector('.field-error')).toBeNull();
  });

  it('when a field message is shown, then editing that field clears it', async () => {
    render(<SignupForm onSubmit={jest.fn()} />);
    submit();
    expect(screen.getByText('请填写姓名')).toBeTruthy();

    await typeInto(NAME, '王');

    expect(screen.queryByText('请填写姓名')).toBeNull();
  });

  it('shows the contact from the profile and submits it unchanged', async () => {
    const onSubmit = jest.fn();
    render(<SignupForm initial={{ name: '李华', phone: '13900001111' }} onSubmit={onSubmit} />);

    expect((await field(NAME)).value).toBe('李华');
    expect((await field(PHONE)).value).toBe('13900001111');

    submit();

    expect(onSubmit).toHaveBeenCalledWith({ name: '李华', phone: '13900001111' }, {});
  });

  it('takes the profile when it arrives after the form is shown', async () => {
    const { rerender } = render(<SignupForm initial={{ name: null, phone: null }} onSubmit={jest.fn()} />);

    rerender(<SignupForm initial={{ name: '李华', phone: '13900001111' }} onSubmit={jest.fn()} />);

    expect((await field(NAME)).value).toBe('李华');
  });

  it('shows the messages the server sent for a field', async () => {
    render(<SignupForm errors={{ phone: '该手机号已报名' }} onSubmit={jest.fn()} />);

    expect(screen.getByText('该手机号已报名')).toBeTruthy();
  });

  it('does not submit twice while a sign-up is on its way', async () => {
    const onSubmit = jest.fn();
    render(<SignupForm initial={{ name: '李华', phone: '13900001111' }} submitting onSubmit={onSubmit} />);

    submit();

    expect(onSubmit).not.toHaveBeenCalled();
  });
});
