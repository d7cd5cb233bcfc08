import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createAppClients, Providers } from './app/providers';
import { AppRoutes, preloadFirstPage } from './app/router';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const clients = createAppClients();
preloadFirstPage(clients);

createRoot(root).render(
  <StrictMode>
    <Providers clients={clients}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  </StrictMode>,
);
