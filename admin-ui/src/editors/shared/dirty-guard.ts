// Unsaved changes: asks before leaving the page (route change or closing the tab).
import { onBeforeUnmount, onMounted, ref } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';
import { ElMessageBox } from 'element-plus';

export function useDirtyGuard() {
  const dirty = ref(false);
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!dirty.value) return;
    event.preventDefault();
    event.returnValue = '';
  };
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload));
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload));
  onBeforeRouteLeave(async () => {
    if (!dirty.value) return true;
    try {
      await ElMessageBox.confirm('有未保存的修改，离开本页将丢失这些修改。', '未保存的修改', {
        confirmButtonText: '离开', cancelButtonText: '留在本页', type: 'warning',
      });
      return true;
    } catch {
      return false;
    }
  });
  return dirty;
}
