package engawa.portal.shared.ui;

import com.vaadin.flow.data.renderer.LitRenderer;

/**
 * A {@link ListRow} drawn in the browser from a row's data, for lists that may hold hundreds of rows
 * (an import's problems, the delivery log): no server components per row. The caller gives the
 * properties it needs; an absent one draws nothing:
 * <ul>
 * <li>{@code title}: what the row is about, in bold;</li>
 * <li>{@code badge} and {@code badgeTheme} ("badge success"): how it went, beside the title;</li>
 * <li>{@code tag}: a second, plain badge ("Test");</li>
 * <li>{@code text}: a line under the title;</li>
 * <li>{@code hint}: a quieter line under that (where, when).</li>
 * </ul>
 * Lit writes every value as text, never as markup, so a file name or a reason from an upload is safe.
 */
public final class ListRowTemplate {

    private static final String TEMPLATE = """
            <div class="list-row"><div class="list-row-main">
              <div class="list-row-line"><span class="list-row-title">${item.title}</span>
                ${item.badge ? html`<span theme="${item.badgeTheme || 'badge'}">${item.badge}</span>` : ''}
                ${item.tag ? html`<span theme="badge">${item.tag}</span>` : ''}</div>
              ${item.text ? html`<span class="list-row-text">${item.text}</span>` : ''}
              ${item.hint ? html`<span class="hint">${item.hint}</span>` : ''}
            </div></div>""";

    private ListRowTemplate() {
    }

    public static <T> LitRenderer<T> of() {
        return LitRenderer.of(TEMPLATE);
    }
}
