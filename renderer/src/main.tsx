import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applySystemThemeEarly } from './app/useViewPrefs';
// Stylesheets in cascade order: tokens and base first, then shared components, the window, the features.
import './styles/tokens.css';
import './styles/base.css';
import './styles/buttons.css';
import './components/dialog.css';
import './app/app.css';
import './app/layout.css';
import './features/search/search.css';
import './features/topics/topics.css';
import './features/stories/stories.css';
import './features/reflection/reading.css';
import './features/reflection/callouts.css';
import './features/reflection/note-editor.css';
import './features/reflection/markdown.css';
import './features/reflection/history.css';
import './features/diagnostics/diagnostics.css';
import './app/daily-loop.css';

applySystemThemeEarly();

const root = document.getElementById('root');
if (!root) throw new Error('Ponder: index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
