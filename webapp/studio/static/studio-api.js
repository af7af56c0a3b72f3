/* What every page of the studio shares: its calls to the studio, each with the page's CSRF token,
 * answered as JSON (with the HTTP status and whether it went well), and its status line. */
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
