import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/styles.css';
import { applyTheme, loadTheme } from './common/theme.ts';
import { installBenchHook } from './features/preview/bench-hook.ts';

applyTheme(loadTheme());
installBenchHook();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
