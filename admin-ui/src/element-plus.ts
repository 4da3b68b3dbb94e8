// The Element Plus components the app uses, registered by name. Listing them (instead of
// app.use(ElementPlus)) keeps the components no page uses out of the bundle that the login
// page loads. A page that needs another component adds it here.
import type { App } from 'vue';
import {
  ElAlert, ElAside, ElBreadcrumb, ElBreadcrumbItem, ElButton, ElButtonGroup, ElCard, ElConfigProvider, ElContainer,
  ElDatePicker, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem, ElHeader, ElIcon, ElInput,
  ElInputNumber, ElMain, ElMenu, ElMenuItem, ElOption, ElResult, ElSelect, ElSubMenu, ElTable, ElTableColumn, ElTabPane,
  ElTabs, ElTag, ElTooltip,
} from 'element-plus';
import 'element-plus/dist/index.css';

const COMPONENTS = [
  ElAlert, ElAside, ElBreadcrumb, ElBreadcrumbItem, ElButton, ElButtonGroup, ElCard, ElConfigProvider, ElContainer,
  ElDatePicker, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm, ElFormItem, ElHeader, ElIcon, ElInput,
  ElInputNumber, ElMain, ElMenu, ElMenuItem, ElOption, ElResult, ElSelect, ElSubMenu, ElTable, ElTableColumn, ElTabPane,
  ElTabs, ElTag, ElTooltip,
];

export function installElementPlus(app: App): void {
  for (const component of COMPONENTS) app.use(component);
}
