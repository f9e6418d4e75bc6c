using Microsoft.Playwright;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>What a visitor would notice on a page, measured in the browser.</summary>
public static class PageProbe
{
    /// <summary>The focused element as a visitor sees it.</summary>
    public sealed record Focus
    {
        /// <summary>The element's place in the document, which tells apart two controls that look alike.</summary>
        public int Index { get; init; }

        public string Tag { get; init; } = "";

        public string Text { get; init; } = "";

        public string Href { get; init; } = "";

        public bool Outlined { get; init; }

        public bool Covered { get; init; }

        public bool InViewport { get; init; }
    }

    /// <summary>
    /// The focused element: its text (white space as a reader sees it), whether it shows a focus outline
    /// of at least 2px, whether something else is drawn over the middle of its first line, and whether
    /// it is inside the viewport.
    /// </summary>
    public static Task<Focus> FocusedAsync(IPage page) => page.EvaluateAsync<Focus>("""
        () => {
            const e = document.activeElement;
            const style = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            const line = e.getClientRects()[0] || r;
            const top = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
            return {
                index: Array.prototype.indexOf.call(document.querySelectorAll('*'), e),
                tag: e.tagName.toLowerCase(),
                text: (e.innerText || e.value || e.placeholder || '').replace(/\s+/g, ' ').trim(),
                href: e.getAttribute('href') || '',
                outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                covered: top !== null && top !== e && !e.contains(top),
                inViewport: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1,
            };
        }
        """);

    /// <summary>Presses Tab until the focus has gone round the whole page once; returns each element it stopped at.</summary>
    public static async Task<List<Focus>> TabThroughAsync(IPage page)
    {
        var seen = new List<Focus>();
        for (var i = 0; i < 100; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await FocusedAsync(page);
            if (focus.Tag == "body" || seen.Contains(focus))
            {
                break;
            }

            seen.Add(focus);
        }

        return seen;
    }

    /// <summary>
    /// What does not fit the viewport's width: a horizontal scroll bar, elements that reach past the
    /// right or left edge, and content cut off by an element that hides its overflow. Empty when all fits.
    /// </summary>
    public static Task<string[]> OverflowAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const problems = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth) {
                problems.push(`horizontal scroll: the page is ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport`);
            }
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
            for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                if (r.width <= 1 || r.height <= 1) continue;
                if (r.right > root.clientWidth + 1 || r.left < -1) {
                    problems.push(`${name(e)} spans ${Math.round(r.left)}..${Math.round(r.right)}px`);
                }
                const style = getComputedStyle(e);
                if (style.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) {
                    problems.push(`${name(e)} cuts off ${e.scrollWidth - e.clientWidth}px of its content`);
                }
            }
            return problems;
        }
        """);

    /// <summary>A computed style property of the first element matching <paramref name="selector"/>.</summary>
    public static Task<string> StyleAsync(IPage page, string selector, string property) =>
        page.EvaluateAsync<string>(
            "([selector, property]) => getComputedStyle(document.querySelector(selector)).getPropertyValue(property)",
            new[] { selector, property });
}
