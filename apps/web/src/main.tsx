import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createAppClients, Providers } from './app/providers';
import { createAppRouter, preloadFirstPage } from './app/router';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const clients = createAppClients();
const router = createAppRouter();
preloadFirstPage(router, clients);

createRoot(root).render(
  <StrictMode>
    <Providers clients={clients}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
