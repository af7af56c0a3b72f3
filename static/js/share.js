/* Share this page: the device's share sheet where there is one, else copy the link, and say so. */
'use strict';

(function () {
  var button = document.querySelector('.share');
  var status = document.querySelector('.share__status');
  if (!button) return;
  button.hidden = false;

  function tell(attribute, url) {
    status.textContent = button.getAttribute(attribute) + ' ' + url;
    status.hidden = false;
  }

  button.addEventListener('click', function () {
    var url = window.location.origin + window.location.pathname;
    if (navigator.share) {
      navigator.share({ title: document.title, url: url }).catch(function () { /* cancelled */ });
    } else if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () {
        tell('data-copied', url);
      }, function () {
        tell('data-copy-this', url);
      });
    } else {
      tell('data-copy-this', url);
    }
  });
}());
