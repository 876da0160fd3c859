// Sign-in with the product's own accounts; the session is upstream's HttpOnly cookie.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { post } from '../api';
import { shared } from '../styles';

@customElement('oc-login')
export class LoginView extends LitElement {
  static styles = [
    shared,
    css`
      form {
        max-width: 22rem;
        margin: 3rem auto;
        display: grid;
        gap: 0.6rem;
      }
      label {
        display: grid;
        gap: 0.2rem;
      }
    `,
  ];

  @state() private error = '';
  @state() private busy = false;

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      await post('/api/connector/default/user/login', { user: form.get('user'), pass: form.get('pass') });
      this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`
      <form @submit=${this.submit} data-test="login-form">
        <h1>Sign in to OpenC3</h1>
        <label>User <input name="user" autocomplete="username" required data-test="login-user" /></label>
        <label>Password <input name="pass" type="password" autocomplete="current-password" required data-test="login-pass" /></label>
        <button class="primary" type="submit" ?disabled=${this.busy} data-test="login-submit">Sign in</button>
        ${this.error ? html`<p class="error" role="alert" data-test="login-error">${this.error}</p>` : nothing}
      </form>
    `;
  }
}
