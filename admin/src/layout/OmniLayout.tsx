import { type ReactNode } from 'react';
import { Layout, Menu } from 'react-admin';
import { OpenTaskCounts } from './OpenTaskCounts';
import { OutageBanner } from '../outages/OutageBanner';

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
  return (
    <Layout menu={OmniMenu}>
      <OutageBanner />
      {children}
    </Layout>
  );
}
