/** WeChat draws its own navigation bar from each page's `navigationBarTitleText`; nothing to add there. */
export function AppNavBar() {
  return null;
}
