import { type ReactNode } from 'react';
import { Layout, Menu } from 'react-admin';
import { OpenTaskCounts } from './OpenTaskCounts';

/** react-admin's menu (every resource the user may see) with the open-task counts per queue below it. */
function OmniMenu() {
  return (
    <Menu>
      <Menu.ResourceItems />
      <OpenTaskCounts />
    </Menu>
  );
}

export function OmniLayout({ children }: { children: ReactNode }) {
  return <Layout menu={OmniMenu}>{children}</Layout>;
}
