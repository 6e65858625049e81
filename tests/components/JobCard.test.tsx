import { fireEvent, render, screen } from '@testing-library/react';
import { JobCard } from '../../src/components/JobCard';
import { aJob } from './recruitmentFactories';

describe('JobCard', () => {
  it('shows the title, the monthly salary range, the enterprise, the place, the kind and the district in Chinese', () => {
    render(<JobCard job={aJob()} />);

    expect(screen.getByText('缝纫工')).toBeTruthy();
    expect(screen.getByText('6000–8000 元/月')).toBeTruthy();
    expect(screen.getByText('上海咏姿时装有限公司')).toBeTruthy();
    expect(screen.getByText('佘山镇勋业路 88 号')).toBeTruthy();
    expect(screen.getByText('生产制造')).toBeTruthy();
    expect(screen.getByText('佘山镇')).toBeTruthy();
    expect(screen.getByText('招 5 人')).toBeTruthy();
  });

  it('says 面议 when neither salary is given', () => {
    render(<JobCard job={aJob({ salaryMin: null, salaryMax: null })} />);

    expect(screen.getByText('面议', { selector: '.job-card__salary' })).toBeTruthy();
    expect(screen.queryByText(/元\/月/)).toBeNull();
  });

  it('says "from" or "up to" when only one end of the range is given', () => {
    const { rerender } = render(<JobCard job={aJob({ salaryMin: 5000, salaryMax: null })} />);
    expect(screen.getByText('5000 元/月起')).toBeTruthy();

    rerender(<JobCard job={aJob({ salaryMin: null, salaryMax: 9000 })} />);
    expect(screen.getByText('最高 9000 元/月')).toBeTruthy();
  });

  it('shows each benefit as a tag, in Chinese, in the order given', () => {
    render(<JobCard job={aJob({ benefits: ['social_insurance', 'room_board', 'career_change'] })} />);

    const tags = Array.from(document.querySelectorAll('.benefit-tag')).map((t) => t.textContent);
    expect(tags).toEqual(['五险一金', '包吃住', '适合转岗']);
  });

  it('shows no benefit tags when there are none', () => {
    render(<JobCard job={aJob({ benefits: [] })} />);

    expect(document.querySelector('.benefit-tags')).toBeNull();
  });

  it('shows 招聘中 / 已关闭 only where asked (the HR list), and can leave the enterprise out there', () => {
    const { rerender } = render(<JobCard job={aJob({ status: 'closed' })} />);
    expect(screen.queryByText('已关闭')).toBeNull();

    rerender(<JobCard job={aJob({ status: 'closed' })} showStatus showEnterprise={false} />);
    expect(screen.getByText('已关闭')).toBeTruthy();
    expect(screen.queryByText('上海咏姿时装有限公司')).toBeNull();
  });

  it('tells the list which job was tapped', () => {
    const onTap = jest.fn();
    const job = aJob();
    render(<JobCard job={job} onTap={onTap} />);

    fireEvent.click(screen.getByText('缝纫工'));

    expect(onTap).toHaveBeenCalledWith(job);
  });
});
