import { createElement, Fragment, PropsWithChildren } from 'react';
import { AppNavBar } from './components/NavBar';
import './app.scss';

/** On H5 the App renders beside the pages, so the navigation bar lives here once (the weapp's AppNavBar is nothing). */
function App({ children }: PropsWithChildren) {
  return createElement(Fragment, null, createElement(AppNavBar), children);
}

export default App;
