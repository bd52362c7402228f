import './app.css';
import './app/vitals-app.js';
