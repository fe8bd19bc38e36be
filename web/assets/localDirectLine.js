/*
 * A DirectLine-shaped object for the bot's own same-origin endpoints, so `npm start` needs no Azure.
 * Web Chat only needs activity$, connectionStatus$, postActivity and end, and expects them to behave
 * like DirectLineJS: the status is shared by all subscribers (a late subscriber gets the current
 * one), it goes 0 → 1 → 2 once activity$ is first subscribed, and every posted activity is echoed
 * on activity$ with its server id, with channelData.clientActivityID so Web Chat marks it sent.
 */
(function () {
  'use strict';

  var Status = { Uninitialized: 0, Connecting: 1, Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };
  function noop() {}

  function toObserver(nextOrObserver, error, complete) {
    if (nextOrObserver && typeof nextOrObserver === 'object') {
      return {
        next: (nextOrObserver.next || noop).bind(nextOrObserver),
        error: (nextOrObserver.error || noop).bind(nextOrObserver),
        complete: (nextOrObserver.complete || noop).bind(nextOrObserver),
      };
    }
    return { next: nextOrObserver || noop, error: error || noop, complete: complete || noop };
  }

  /** A hot stream: subscribers get what is emitted after they subscribe (plus `current`, if given). */
  function createStream(onFirstSubscribe, current) {
    var observers = new Set();
    return {
      observers: observers,
      subscribe: function (nextOrObserver, error, complete) {
        var observer = toObserver(nextOrObserver, error, complete);
        observers.add(observer);
        if (current) observer.next(current());
        if (onFirstSubscribe) onFirstSubscribe();
        return { unsubscribe: function () { observers.delete(observer); } };
      },
    };
  }

  /**
   * options: { session: { conversationId, userId, token }, endpoint, botName, onReachable(reached),
   *            onTokenRefused(activity) }
   * onReachable says whether the bot could be reached at all; onTokenRefused lets the page start a new
   * conversation when the bot no longer accepts this one's token (without it the status turns to expired).
   */
  function createLocalDirectLine(options) {
    var session = options.session;
    var status = Status.Uninitialized;
    var statusStream = createStream(null, function () { return status; });
    var activityStream = createStream(function () {
      if (status !== Status.Uninitialized) return;
      setStatus(Status.Connecting);
      // Asynchronous like a real connection, so Web Chat has finished subscribing first.
      setTimeout(function () { if (status === Status.Connecting) setStatus(Status.Online); }, 0);
    });

    function setStatus(next) {
      status = next;
      statusStream.observers.forEach(function (observer) { observer.next(next); });
    }

    function reachable(reached) {
      if (options.onReachable) options.onReachable(reached);
    }

    function emit(activity) {
      activityStream.observers.forEach(function (observer) { observer.next(activity); });
    }

    function localNotice(text) {
      emit({
        type: 'message', id: 'local-' + Date.now(), timestamp: new Date().toISOString(), text: text,
        from: { id: 'sciatica-bot', name: options.botName, role: 'bot' }, channelData: { local: true },
      });
    }

    async function send(activity) {
      var response;
      try {
        response = await window.fetch(options.endpoint + '/' + encodeURIComponent(session.conversationId) + '/activities', {
          method: 'POST',
          headers: { Authorization: 'Bearer ' + session.token, 'Content-Type': 'application/json' },
          // Only what the server accepts from a browser; it builds the rest of the activity itself.
          body: JSON.stringify({ type: activity.type, text: activity.text, value: activity.value, name: activity.name }),
          credentials: 'omit',
        });
      } catch (failure) {
        reachable(false);
        throw failure;
      }
      // A proxy in front of a bot that is down answers 502-504.
      reachable(response.status < 502 || response.status > 504);
      var body = await response.json().catch(function () { return {}; });
      if (response.status === 401) {
        if (options.onTokenRefused) options.onTokenRefused(activity);
        else setStatus(Status.ExpiredToken);
      }
      if (response.status === 429 && body.message) localNotice(body.message);
      if (!response.ok) throw new Error(body.error || 'the chat server answered ' + response.status);
      return body;
    }

    function postActivity(activity) {
      return {
        subscribe: function (nextOrObserver, error, complete) {
          var observer = toObserver(nextOrObserver, error, complete);
          if (status !== Status.Online) {
            observer.error(new Error('not connected'));
            return { unsubscribe: noop };
          }
          send(activity).then(function (result) {
            emit(Object.assign({}, activity, {
              id: result.id, timestamp: result.timestamp, conversation: { id: session.conversationId },
            }));
            result.activities.forEach(emit);
            observer.next(result.id);
            observer.complete();
          }, function (failure) { observer.error(failure); });
          return { unsubscribe: noop };
        },
      };
    }

    return {
      activity$: { subscribe: activityStream.subscribe },
      connectionStatus$: { subscribe: statusStream.subscribe },
      postActivity: postActivity,
      end: function () {
        setStatus(Status.Ended);
        activityStream.observers.clear();
        statusStream.observers.clear();
      },
    };
  }

  window.SciaticaChat = window.SciaticaChat || {};
  window.SciaticaChat.createLocalDirectLine = createLocalDirectLine;
  window.SciaticaChat.ConnectionStatus = Status;
})();
