import { emptyJobForm, jobFormFrom, validateJobForm, type JobFormValues } from '../../src/hr/pages/job-edit/jobForm';
import { aJob } from './recruitmentFactories';

const filled = (overrides: Partial<JobFormValues> = {}): JobFormValues => ({
  ...emptyJobForm('demo-fair-aid'),
  title: '缝纫工',
  category: 'manufacturing',
  salaryMin: '6000',
  salaryMax: '8000',
  headcount: '5',
  district: 'sheshan',
  place: '佘山镇勋业路 88 号',
  benefits: ['social_insurance', 'room_board'],
  ...overrides,
});

describe('validateJobForm', () => {
  it('turns the form into a jobs.create payload with numbers and the fair', () => {
    expect(validateJobForm(filled())).toEqual({
      ok: true,
      input: {
        eventId: 'demo-fair-aid',
        title: '缝纫工',
        category: 'manufacturing',
        salaryMin: 6000,
        salaryMax: 8000,
        headcount: 5,
        district: 'sheshan',
        place: '佘山镇勋业路 88 号',
        requirements: '',
        benefits: ['social_insurance', 'room_board'],
      },
    });
  });

  it('sends 面议 as both salaries empty, whatever was typed before', () => {
    const checked = validateJobForm(filled({ negotiable: true }));
    expect(checked.ok && [checked.input.salaryMin, checked.input.salaryMax]).toEqual([null, null]);
  });

  it('asks for a salary or 面议 when both boxes are empty', () => {
    const checked = validateJobForm(filled({ salaryMin: '', salaryMax: '' }));
    expect(checked).toEqual({ ok: false, errors: { salaryMin: '请填写月薪范围，或选择“面议”' } });
  });

  it('refuses a maximum below the minimum, under the maximum', () => {
    const checked = validateJobForm(filled({ salaryMin: '8000', salaryMax: '6000' }));
    expect(checked.ok ? null : checked.errors.salaryMax).toBe('最高月薪不能低于最低月薪');
  });

  it('says what is missing on an empty form', () => {
    const checked = validateJobForm(emptyJobForm());
    expect(checked.ok ? null : Object.keys(checked.errors).sort()).toEqual(['category', 'district', 'headcount', 'place', 'salaryMin', 'title']);
  });

  it('reads a 面议 job back as 面议', () => {
    expect(jobFormFrom(aJob({ salaryMin: null, salaryMax: null })).negotiable).toBe(true);
  });
});
