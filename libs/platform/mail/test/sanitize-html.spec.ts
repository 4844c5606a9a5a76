import { hasContent, sanitizeEmailHtml } from '../src';

describe('the email rich-text sanitizer (allow-list)', () => {
  it('keeps what the editor writes and mail clients render', () => {
    const html =
      '<h2>Titre</h2><h3>Sous-titre</h3><p>Un <strong>gras</strong>, <b>b</b>, <em>italique</em>, <i>i</i><br>ligne</p><ul><li>un</li></ul><ol><li>deux</li></ol>';
    expect(sanitizeEmailHtml(html)).toBe(html);
    expect(
      sanitizeEmailHtml('<p><a href="https://cpts.fr/agenda?a=1&amp;b=2">agenda</a> <a href="mailto:contact@cpts.fr">écrire</a></p>'),
    ).toBe('<p><a href="https://cpts.fr/agenda?a=1&amp;b=2">agenda</a> <a href="mailto:contact@cpts.fr">écrire</a></p>');
    expect(sanitizeEmailHtml('<img src="https://cpts.fr/affiche.png" alt="Affiche">')).toBe(
      '<img src="https://cpts.fr/affiche.png" alt="Affiche">',
    );
  });

  it('drops scripts, event handlers, styles and dangerous addresses, keeping the text', () => {
    expect(sanitizeEmailHtml('<p onclick="alert(1)" style="color:red" class="x">Bonjour</p><script>alert(1)</script>')).toBe(
      '<p>Bonjour</p>',
    );
    expect(sanitizeEmailHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeEmailHtml('<a href=" java\nscript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeEmailHtml('<a href="&#106;avascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(
      sanitizeEmailHtml(
        '<img src="http://cpts.fr/a.png"><img src="data:image/png;base64,AAAA"><img src="https://x.fr/a.png" onerror="x()">',
      ),
    ).toBe('<img src="https://x.fr/a.png" alt="">');
    expect(sanitizeEmailHtml('<iframe src="https://x.fr"></iframe><style>p{}</style><svg><script>x</script></svg><p>reste</p>')).toBe(
      '<p>reste</p>',
    );
    expect(sanitizeEmailHtml('<!-- commentaire --><p>a</p>')).toBe('<p>a</p>');
    expect(sanitizeEmailHtml('<p>a</p><object data="x"><embed src="x"></object>')).toBe('<p>a</p>');
  });

  it("turns what the browser editor writes into allowed elements and keeps unknown elements' text", () => {
    expect(sanitizeEmailHtml('<div>Ligne</div><h1>Grand</h1><h4>Petit</h4>')).toBe('<p>Ligne</p><h2>Grand</h2><h3>Petit</h3>');
    expect(sanitizeEmailHtml('<p><span style="x"><font color="red">texte</font></span><u>souligné</u></p>')).toBe('<p>textesouligné</p>');
  });

  it('balances tags and escapes stray characters', () => {
    expect(sanitizeEmailHtml('<p><strong>gras</p>')).toBe('<p><strong>gras</strong></p>');
    expect(sanitizeEmailHtml('</em><p>a</p></li>')).toBe('<p>a</p>');
    expect(sanitizeEmailHtml('<p>1 < 2 & 3 > 2 &amp; &eacute;</p>')).toBe('<p>1 &lt; 2 &amp; 3 &gt; 2 &amp; &eacute;</p>');
    expect(sanitizeEmailHtml('<a href=\'https://x.fr/?q="a"\' title=x>lien</a>')).toBe('<a href="https://x.fr/?q=&quot;a&quot;">lien</a>');
    expect(sanitizeEmailHtml('<p>a\u0000b</p>')).toBe('<p>ab</p>');
  });

  it('tells an empty body', () => {
    expect(hasContent(sanitizeEmailHtml('<p><br></p><p>&nbsp;</p>'))).toBe(false);
    expect(hasContent(sanitizeEmailHtml('<p>Bonjour</p>'))).toBe(true);
    expect(hasContent(sanitizeEmailHtml('<img src="https://x.fr/a.png" alt="">'))).toBe(true);
  });
});
