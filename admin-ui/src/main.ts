import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { installElementPlus } from './element-plus.ts';
import './styles/app.css';
import './styles/editors.css';
import App from './App.vue';
import { setUnauthenticatedHandler } from './api.ts';
import { router } from './router.ts';
import { useSession } from './stores/session.ts';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(router);
installElementPlus(app);

// A 401 on any call: the session is gone (expired, signed out elsewhere). Back to login,
// and back to this page after it.
setUnauthenticatedHandler(() => {
  useSession(pinia).clear();
  const current = router.currentRoute.value;
  if (!current.meta.public) void router.replace({ name: 'login', query: { redirect: current.fullPath } });
});

app.mount('#app');
