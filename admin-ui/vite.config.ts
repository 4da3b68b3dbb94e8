// Vite config of the browser app. The server serves `dist/` as static files (see index.ts);
// `npx vite --config admin-ui/vite.config.ts` runs a dev server that proxies /api to it.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // No files of our own to copy: everything comes through imports.
  publicDir: false,
  plugins: [vue()],
  resolve: {
    alias: { '@': `${root}src` },
  },
  define: {
    // Vue's options API and devtools are not used; dropping them makes the bundle smaller.
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    // The server's content security policy allows fonts and scripts from 'self' only:
    // an inlined data: font (bpmn-js, dmn-js icons) would be refused, so nothing is inlined.
    assetsInlineLimit: 0,
    // The editors are big by nature (bpmn-js + properties panel + linting); they load only
    // on their own routes, so the warning is about the lazily loaded chunks.
    chunkSizeWarningLimit: 2500,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // Named chunks for the libraries: the shell loads Vue and Element Plus; the editors
        // share diagram-js and CodeMirror, each loaded once whichever editor is opened first.
        codeSplitting: {
          groups: [
            { name: 'vendor-vue', test: /[\\/]node_modules[\\/](@vue|vue|vue-router|pinia)[\\/]/, priority: 30 },
            {
              name: 'vendor-element-plus',
              test: /[\\/]node_modules[\\/](element-plus|@element-plus|@floating-ui|@popperjs|@sxzz|@vueuse|lodash-es|lodash-unified|dayjs|async-validator|@ctrl|memoize-one|normalize-wheel-es)[\\/]/,
              priority: 30,
            },
            { name: 'vendor-codemirror', test: /[\\/]node_modules[\\/](@codemirror|@lezer|style-mod|w3c-keyname|crelt|@marijn)[\\/]/, priority: 20 },
            {
              name: 'vendor-diagram',
              test: /[\\/]node_modules[\\/](diagram-js|min-dom|min-dash|tiny-svg|didi|path-intersection|object-refs|moddle|moddle-xml|saxen|ids|inherits-browser|@bpmn-io[\\/]diagram-js-ui|preact|htm)[\\/]/,
              priority: 10,
            },
            // What the editors share besides: the properties panel, FEEL tooling, our editor helpers.
            {
              name: 'editor-common',
              test: /[\\/](node_modules[\\/](@bpmn-io[\\/](properties-panel|feel-editor|feelers|lang-feel|lezer-feel|lang-feelers|lezer-feelers|feel-lint|feelers-lint|cm-theme|feelin)|focus-trap|tabbable|feelin|luxon|classnames|clsx)|admin-ui[\\/]src[\\/](editors[\\/]shared|i18n[\\/](translate-module|dom-translator)))[\\/.]/,
              priority: 5,
            },
          ],
        },
      },
    },
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
