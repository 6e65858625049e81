import { fireEvent, render, screen } from '@testing-library/react';
import { NavBar } from '../../src/components/NavBar/NavBar';
import { homePath, routeOf } from '../../src/components/NavBar/routes';

const config = {
  routes: [
    { path: 'pages/events/index', navigationBarTitleText: '活动' },
    { path: 'pages/events/detail', navigationBarTitleText: '活动详情' },
    { path: 'staff/pages/workbench/index', navigationBarTitleText: '工作台' },
  ],
  tabBar: { list: [{ pagePath: 'pages/events/index' }] },
};

describe('NavBar', () => {
  it('shows the page title as the page heading inside a navigation landmark', () => {
    render(<NavBar title='活动详情' leading='back' onBack={jest.fn()} onHome={jest.fn()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('活动详情');
    expect(screen.getByRole('navigation')).toBeTruthy();
  });

  it('when there is a page to return to, then 返回 is a button that goes back', () => {
    const onBack = jest.fn();
    const onHome = jest.fn();
    render(<NavBar title='活动详情' leading='back' onBack={onBack} onHome={onHome} />);
    fireEvent.click(screen.getByRole('button', { name: /返回/ }));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(onHome).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: '首页' })).toBeNull();
  });

  it('when the page was opened from a shared link, then it offers 首页 instead of 返回', () => {
    const onHome = jest.fn();
    render(<NavBar title='活动详情' leading='home' onBack={jest.fn()} onHome={onHome} />);
    expect(screen.queryByRole('button', { name: /返回/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '首页' }));
    expect(onHome).toHaveBeenCalledTimes(1);
  });

  it('on a tab page shows only the title, as WeChat does', () => {
    render(<NavBar title='活动' leading='none' onBack={jest.fn()} onHome={jest.fn()} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('routeOf', () => {
  it('reads the title of a page from its navigationBarTitleText and knows the tab pages', () => {
    expect(routeOf(config, '/pages/events/detail')).toEqual({ path: 'pages/events/detail', title: '活动详情', isTab: false });
    expect(routeOf(config, '/pages/events/index')?.isTab).toBe(true);
    expect(routeOf(config, '/')?.title).toBe('活动');
  });

  it('answers nothing for a path no page lives at, so the shell can say the page does not exist', () => {
    expect(routeOf(config, '/pages/nowhere/index')).toBeNull();
  });

  it('leads 首页 to the first page', () => {
    expect(homePath(config)).toBe('/pages/events/index');
  });
});
