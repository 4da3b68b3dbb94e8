// Defaults and settings of the product.
export { loadSettings, SettingsError, type Settings } from './settings.ts';
export { DEFAULT_SERVER_SETTINGS, loadServerSettings, type ServerSettings } from './server-settings.ts';
export { camundaClient, type BuiltInEngineAddresses } from './camunda.ts';
export { onStopSignals } from './stop-signals.ts';
