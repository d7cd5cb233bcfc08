import { Button } from '../components/ui/button';

/**
 * A page that failed while drawing: the shell and its navigation stay, nothing technical is
 * shown, and the adviser is told that the assessment draft survives a reload.
 */
export function RouteError() {
  return (
    <div className="page-state page-state--error" role="alert">
      <h1>Something went wrong on this page</h1>
      <p>Reload to carry on. Assessment answers you had typed are kept as a draft and offered back.</p>
      <Button onClick={() => window.location.reload()}>Reload the page</Button>
    </div>
  );
}
