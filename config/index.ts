// Defaults and settings of the product.
export { loadSettings, SettingsError, type Settings } from './settings.ts';
