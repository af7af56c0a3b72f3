/* What every page of the studio shares: its calls to the studio, each with the page's CSRF token,
 * answered as JSON (with the HTTP status and whether it went well), its status line, and the
 * preview's choice of page. */
'use strict';

window.studioCall = function (method, path, body, type) {
  var page = document.body.dataset;
  return fetch(page.base + path, {
    method: method,
    headers: { 'Content-Type': type || 'application/json', 'X-CSRF-Token': page.csrf },
    body: body === undefined || type ? body : JSON.stringify(body),
  }).then(function (response) {
    return response.json().catch(function () { return { error: 'The studio answered ' + response.status + '.' }; })
      .then(function (answer) {
        answer.status = response.status;
        answer.ok = response.ok;
        return answer;
      });
  });
};

window.studioSay = function (line, text, kind) {
  line.textContent = text;
  line.setAttribute('data-kind', kind || 'note');
};

// The preview's choice of page: the pages given ("/{lang}/cards/"), shown in the language lang,
// the one chosen before kept when it is still there.
window.studioPageChoices = function (select, pages, lang) {
  var chosen = select.value;
  select.textContent = '';
  pages.forEach(function (page) {
    var option = document.createElement('option');
    option.value = page;
    option.textContent = page.replace('{lang}', lang);
    select.appendChild(option);
  });
  if (pages.indexOf(chosen) !== -1) select.value = chosen;
};
