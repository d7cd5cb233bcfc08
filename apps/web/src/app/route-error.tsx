import { Component, type ReactNode } from 'react';
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

interface PageErrorBoundaryProps {
  /** Going to another page clears the failure, as the data router's errorElement did. */
  pathname: string;
  children: ReactNode;
}

interface PageErrorBoundaryState {
  hasFailed: boolean;
  pathname: string;
}

/** Shows RouteError in place of a page that threw while drawing (or whose chunk failed to load). */
export class PageErrorBoundary extends Component<PageErrorBoundaryProps, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = { hasFailed: false, pathname: this.props.pathname };

  static getDerivedStateFromError(): Partial<PageErrorBoundaryState> {
    return { hasFailed: true };
  }

  static getDerivedStateFromProps(props: PageErrorBoundaryProps, state: PageErrorBoundaryState): Partial<PageErrorBoundaryState> | null {
    return props.pathname === state.pathname ? null : { hasFailed: false, pathname: props.pathname };
  }

  override render() {
    return this.state.hasFailed ? <RouteError /> : this.props.children;
  }
}
