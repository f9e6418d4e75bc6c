// "Read aloud" in the version for the visually impaired: the browser's own speech synthesis reads the
// selected text, or else the page's main content (breadcrumbs left out), block by block in each block's
// language. The button
// stays hidden where the browser has no speech synthesis (and without JavaScript).
(function () {
    "use strict";
    if (!("speechSynthesis" in window) || !("SpeechSynthesisUtterance" in window)) {
        return;
    }

    function blocks() {
        var selected = String(window.getSelection ? window.getSelection() : "").trim();
        if (selected) {
            return [{ text: selected, lang: document.documentElement.lang }];
        }
        var main = document.querySelector("main");
        if (!main) {
            return [];
        }
        var readable = Array.prototype.filter.call(main.querySelectorAll("h1, h2, h3, p, li, .image-text"), function (element) {
            return !element.closest("nav");
        });
        return readable.map(function (element) {
            var owner = element.closest("[lang]");
            return { text: element.innerText.trim(), lang: owner ? owner.lang : document.documentElement.lang };
        }).filter(function (block) { return block.text; });
    }

    function setUp(button) {
        var readLabel = button.textContent;
        var stopLabel = button.getAttribute("data-stop");

        function stopped() {
            button.textContent = readLabel;
        }

        button.addEventListener("click", function () {
            if (window.speechSynthesis.speaking || window.speechSynthesis.pending) {
                window.speechSynthesis.cancel();
                stopped();
                return;
            }
            var queue = blocks();
            queue.forEach(function (block, index) {
                var utterance = new SpeechSynthesisUtterance(block.text);
                utterance.lang = block.lang;
                if (index === queue.length - 1) {
                    utterance.addEventListener("end", stopped);
                }
                window.speechSynthesis.speak(utterance);
            });
            if (queue.length) {
                button.textContent = stopLabel;
            }
        });
        button.hidden = false;
    }

    document.addEventListener("DOMContentLoaded", function () {
        Array.prototype.forEach.call(document.querySelectorAll("button.read-aloud"), setUp);
    });
}());
