import { type ReactNode } from 'react';
import { AppBar, Layout, Logout, Menu, UserMenu } from 'react-admin';
import { ChartsLocaleText } from './ChartsLocaleText';
import { NewTaskAlert } from './NewTaskAlert';
import { NewTaskSoundToggle } from './NewTaskSoundToggle';
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

/** react-admin's app bar (title, language, refresh) with the new-task chime switch in the user menu. */
function OmniAppBar() {
  return (
    <AppBar
      userMenu={
        <UserMenu>
          <NewTaskSoundToggle />
          <Logout />
        </UserMenu>
      }
    />
  );
}

export function OmniLayout({ children }: { children: ReactNode }) {
  return (
    <Layout menu={OmniMenu} appBar={OmniAppBar}>
      <NewTaskAlert />
      <OutageBanner />
      <ChartsLocaleText>{children}</ChartsLocaleText>
    </Layout>
  );
}
