import { useNotify, useRedirect, useResourceContext } from 'react-admin';

/**
 * react-admin answers any failed record load with "element does not exist". Our API says why (not found,
 * or "You can only access your own store"), so show its message, then go back to the list.
 */
export function useRecordLoadError(): (error: unknown) => void {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  return (error) => {
    const message = error instanceof Error && error.message !== '' ? error.message : 'ra.notification.item_doesnt_exist';
    notify(message, { type: 'error' });
    redirect('list', resource);
  };
}
