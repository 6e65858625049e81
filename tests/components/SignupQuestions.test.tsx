import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Question } from '@shared/questions';
import { SignupForm } from '../../src/pages/events/detail/SignupForm';

/** Taro's <Input> renders its real <input> a tick later; the person types into that one. */
function field(placeholder: string, nth = 0): Promise<HTMLInputElement> {
  return waitFor(() => {
    const input = document.querySelectorAll<HTMLInputElement>(`input[placeholder="${placeholder}"]`)[nth];
    if (!input) throw new Error(`no input with placeholder ${placeholder}`);
    return input;
  });
}

async function typeInto(placeholder: string, value: string, nth = 0): Promise<void> {
  fireEvent.input(await field(placeholder, nth), { target: { value } });
}

const QUESTIONS: Question[] = [
  { id: 'platform', kind: 'single', label: '所在平台', required: true, options: ['美团', '饿了么'] },
  { id: 'needs', kind: 'multi', label: '需要的服务', required: false, options: ['技能认定', '免费体检'] },
  { id: 'years', kind: 'number', label: '从业年限', required: false },
  { id: 'note', kind: 'text', label: '想了解的内容', required: true },
];

async function fillContact(): Promise<void> {
  await typeInto('请输入姓名', '王小明');
  await typeInto('请输入 11 位手机号码', '13812345678');
}

describe('the sign-up questions on the sign-up form', () => {
  it('when required questions are left unanswered, then each says so under itself and nothing is sent', async () => {
    const onSubmit = jest.fn();
    render(<SignupForm questions={QUESTIONS} onSubmit={onSubmit} />);
    await fillContact();

    fireEvent.click(screen.getByText('报名'));

    expect(screen.getByText('请回答「所在平台」')).toBeTruthy();
    expect(screen.getByText('请回答「想了解的内容」')).toBeTruthy();
    expect(screen.queryByText(/需要的服务」/)).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when a number question gets a number beyond any count, then it says so under that question', async () => {
    const onSubmit = jest.fn();
    render(<SignupForm questions={QUESTIONS} onSubmit={onSubmit} />);
    await fillContact();
    fireEvent.click(screen.getByText('美团'));
    await typeInto('请填写', '电动车保险');
    await typeInto('请填写数字', '1e12');

    fireEvent.click(screen.getByText('报名'));

    expect(screen.getByText('「从业年限」的数字太大')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when every question is answered, then it sends the contact with the answers: chips as choices, numbers as numbers', async () => {
    const onSubmit = jest.fn();
    render(<SignupForm questions={QUESTIONS} onSubmit={onSubmit} />);
    await fillContact();
    fireEvent.click(screen.getByText('饿了么'));
    fireEvent.click(screen.getByText('免费体检'));
    fireEvent.click(screen.getByText('技能认定'));
    await typeInto('请填写数字', '3');
    await typeInto('请填写', ' 电动车保险 ');

    fireEvent.click(screen.getByText('报名'));

    expect(onSubmit).toHaveBeenCalledWith(
      { name: '王小明', phone: '13812345678' },
      { platform: '饿了么', needs: ['技能认定', '免费体检'], years: 3, note: ' 电动车保险 ' },
    );
  });

  it('shows the server’s message under the question it names', async () => {
    render(<SignupForm questions={QUESTIONS} answerErrors={{ platform: '「所在平台」请从选项中选择一项' }} onSubmit={jest.fn()} />);
    expect(await screen.findByText('「所在平台」请从选项中选择一项')).toBeTruthy();
  });
});
