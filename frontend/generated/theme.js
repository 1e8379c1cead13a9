import {applyTheme as _applyTheme} from './theme-immich-export.generated.js';
export const applyTheme = _applyTheme;
