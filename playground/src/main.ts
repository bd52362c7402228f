import './app.css';
import './app/vitals-app.js';
import { tokens } from './styles/theme.js';

// The page's own parts (the light-DOM shell) read the same tokens as every element's shadow root.
if (tokens.styleSheet !== undefined) document.adoptedStyleSheets = [...document.adoptedStyleSheets, tokens.styleSheet];
