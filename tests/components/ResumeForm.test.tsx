import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ResumeForm, resumeFormFrom } from '../../src/career/pages/job/ResumeForm';
import { aResume } from './recruitmentFactories';

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
const AGE = '周岁，如：32';
const submit = () => fireEvent.click(screen.getByText('提交申请'));

describe('ResumeForm', () => {
  it('starts from the last résumé in the profile and submits it unchanged', async () => {
    const onSubmit = jest.fn();
    render(<ResumeForm initial={resumeFormFrom(aResume(), { name: '别的名字', phone: '13900000000' })} onSubmit={onSubmit} />);

    expect((await field(NAME)).value).toBe('王师傅');
    expect((await field(PHONE)).value).toBe('13800000011');
    expect((await field(AGE)).value).toBe('38');

    submit();

    expect(onSubmit).toHaveBeenCalledWith({
      name: '王师傅',
      phone: '13800000011',
      age: 38,
      experience: '在服装厂做过 5 年缝纫工',
      wantedJob: '缝纫工',
    });
  });

  it('without a résumé, starts from the name and phone used before, with the age empty', async () => {
    render(<ResumeForm initial={resumeFormFrom(null, { name: '李小燕', phone: '13900000022' })} onSubmit={jest.fn()} />);

    expect((await field(NAME)).value).toBe('李小燕');
    expect((await field(PHONE)).value).toBe('13900000022');
    expect((await field(AGE)).value).toBe('');
  });

  it('when the age is outside 16–70, then it says the range under 年龄 and does not submit', async () => {
    const onSubmit = jest.fn();
    render(<ResumeForm initial={resumeFormFrom(aResume())} onSubmit={onSubmit} />);

    await typeInto(AGE, '15');
    submit();
    expect(screen.getByText('年龄应在 16–70 岁之间')).toBeTruthy();

    await typeInto(AGE, '71');
    submit();
    expect(screen.getByText('年龄应在 16–70 岁之间')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when the age is left empty, then it asks for it', () => {
    const onSubmit = jest.fn();
    render(<ResumeForm initial={resumeFormFrom(null, { name: '李小燕', phone: '13900000022' })} onSubmit={onSubmit} />);

    submit();

    expect(screen.getByText('请填写年龄')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('leaves empty optional fields out and trims the rest', async () => {
    const onSubmit = jest.fn();
    render(<ResumeForm initial={resumeFormFrom(null)} onSubmit={onSubmit} />);

    await typeInto(NAME, ' 张建国 ');
    await typeInto(PHONE, '13700000033');
    await typeInto(AGE, '45');
    submit();

    expect(onSubmit).toHaveBeenCalledWith({ name: '张建国', phone: '13700000033', age: 45 });
  });

  it('shows the messages the server sent for a field', () => {
    render(<ResumeForm initial={resumeFormFrom(aResume())} errors={{ phone: '请输入 11 位手机号码' }} onSubmit={jest.fn()} />);

    expect(screen.getByText('请输入 11 位手机号码', { selector: '.field-error' })).toBeTruthy();
  });
});
