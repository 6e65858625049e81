import { render, screen } from '@testing-library/react';
import { ApiFailure } from '../../src/api/failure';
import { ListState } from '../../src/components/ListState';
import { ApplicationStatusTag } from '../../src/components/recruitment/ApplicationStatusTag';
import { APPLICATION_ACTION_LABELS, APPLICATION_STATUS_LABELS } from '@shared/labels';

describe('ListState when there is nothing to retry', () => {
  it('when the event or job is gone, then it says so and offers 返回首页 instead of 重试', () => {
    render(<ListState loading={false} error={new ApiFailure('NOT_FOUND', '活动不存在')} empty onRetry={jest.fn()} />);
    expect(screen.getByText('内容不存在或已删除')).toBeTruthy();
    expect(screen.getByText('返回首页')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('when the person is not logged in, then it offers 去登录', () => {
    render(<ListState loading={false} error={new ApiFailure('UNAUTHENTICATED', '请先登录')} empty onRetry={jest.fn()} />);
    expect(screen.getByText('去登录')).toBeTruthy();
  });

  it('when the network failed, then 重试 is still offered', () => {
    render(<ListState loading={false} error={new ApiFailure('NETWORK', '网络连接失败，请稍后重试')} empty onRetry={jest.fn()} />);
    expect(screen.getByText('重试')).toBeTruthy();
  });
});

describe('application status wording', () => {
  it('names an invitation as a state, 待面试, beside 已投递 and 已查看', () => {
    render(<ApplicationStatusTag status='interview' />);
    expect(screen.getByText('待面试')).toBeTruthy();
    expect(APPLICATION_STATUS_LABELS.submitted).toBe('已投递');
  });

  it("words HR's buttons as actions, not states", () => {
    expect(APPLICATION_ACTION_LABELS).toEqual({ viewed: '标记已查看', interview: '邀请面试', hired: '录用', rejected: '不合适' });
  });
});
