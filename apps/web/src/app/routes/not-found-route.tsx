import { useEffect } from 'react';
import { Link } from 'react-router';

export default function NotFoundRoute() {
  useEffect(() => {
    document.title = 'Page not found – Harbour';
  }, []);
  return (
    <div className="page-state">
      <h1>Page not found</h1>
      <p>
        Check the address, or <Link to="/">go to your start page</Link>.
      </p>
    </div>
  );
}
