import './index.scss';

export interface NavBarProps {
  title: string;
  /** `back` when there is a page to return to, `home` when the page was opened directly (a shared link), `none` on a tab. */
  leading: 'back' | 'home' | 'none';
  onBack: () => void;
  onHome: () => void;
}

/**
 * The title bar WeChat draws above every page, for H5: the page title as the page's heading, and 返回 (or 首页 when
 * there is no history) as a real button, so it works with a keyboard and a screen reader.
 */
export function NavBar({ title, leading, onBack, onHome }: NavBarProps) {
  return (
    <nav className='nav-bar' aria-label='页面导航'>
      {leading === 'back' ? (
        <button type='button' className='nav-bar__action nav-bar__back' onClick={onBack}>
          <span aria-hidden='true' className='nav-bar__chevron'>‹</span>
          返回
        </button>
      ) : leading === 'home' ? (
        <button type='button' className='nav-bar__action nav-bar__home' onClick={onHome}>
          首页
        </button>
      ) : null}
      <h1 className='nav-bar__title'>{title}</h1>
    </nav>
  );
}
