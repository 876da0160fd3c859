// A view of one tree node: it loads again whenever the node changes, and what a load for an earlier node brings back
// late is dropped instead of drawn over the new node.
import { LitElement, PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';

export abstract class NodeView extends LitElement {
  @property({ type: Number }) node = 0;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('node')) {
      void this.load();
    }
  }

  /** Asks for what the view shows of `this.node`. */
  protected abstract load(): Promise<void>;

  /** Fetches for the current node and shows the answer only if the node is still the same. */
  protected async forNode<T>(fetch: (node: number) => Promise<T>, show: (answer: T) => void): Promise<void> {
    const node = this.node;
    const answer = await fetch(node);
    if (node === this.node) {
      show(answer);
    }
  }
}
