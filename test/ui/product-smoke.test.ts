import { expect } from 'chai';
import { signInAs, startUiProduct, type UiProduct } from './support/product.ts';

describe('admin-ui on the real product', function () {
  this.timeout(180_000);
  let p: UiProduct;
  before(async () => { p = await startUiProduct(); });
  after(async () => { await p?.stop(); });

  it('signs the dispatcher in against the real server', async () => {
    await signInAs(p.ui.page, p.base, 'dispatcher');
    expect(await p.ui.page.locator('.side-menu').innerText()).to.contain('工单登记');
  });
});
