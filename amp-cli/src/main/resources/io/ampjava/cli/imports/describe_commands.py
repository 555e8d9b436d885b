"""What the amp.Command classes of Python modules declare, as JSON, for amp import.

    python3 - MODULE... < describe_commands.py

Imports each module and prints one JSON object on standard output:

    {"modules": [{"module": NAME, "commands": [COMMAND, ...]}, ...]}

where a COMMAND is {"class", "qualname", "name", "switchesProtocol", "requiresAnswer",
"closesConnection", "arguments": [FIELD...], "response": [FIELD...], "errors": [ERROR...],
"problems": [TEXT...]}, a FIELD is {"key", "optional", "type"}, a TYPE is {"kind": "Integer"} (the
amp class's name), {"kind": "ListOf", "element": TYPE}, {"kind": "AmpList", "fields": [FIELD...]},
{"kind": "LargeString"} or {"kind": "LargeUnicode"} (amp-java's generated large-value arguments), or
{"kind": "Custom", "class": QUALIFIED NAME}, and an ERROR is {"code", "fatal", "exception", "module"}.
Names that are not UTF-8, and whatever cannot be declared in Java, are in "problems" (one sentence
each, naming the construct); the importer reports them. A module that cannot be imported ends the
script with a message on standard error and exit status 2.
"""

import importlib
import json
import sys
import traceback

from twisted.protocols import amp

#: The amp classes a Java type stands for (exact classes: a subclass may encode differently).
SIMPLE = ("Integer", "String", "Unicode", "Boolean", "Float", "Decimal", "DateTime", "Path", "Descriptor")
#: Class methods through which a command encodes and decodes; overriding one changes the wire.
HOOKS = ("makeArguments", "parseArguments", "makeResponse", "parseResponse", "_doCommand", "__init__")


def text(value, what, problems):
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("%s %r is not UTF-8, which a Java name must be: amp-java cannot declare it" % (what, value))
        return value.decode("utf-8", "replace")


def qualified(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def is_large(argument):
    """One of the LargeString/LargeUnicode classes amp-java's processor generates."""
    cls = type(argument)
    return (cls.__name__ in ("LargeString", "LargeUnicode") and isinstance(argument, amp.Argument)
            and getattr(cls, "chunkBytes", None) == 0xFFFF and hasattr(cls, "_join"))


def argument_type(argument, where, problems):
    cls = type(argument)
    if cls is amp.ListOf:
        return {"kind": "ListOf", "element": argument_type(argument.elementType, where + " (list element)", problems)}
    if cls is amp.AmpList:
        return {"kind": "AmpList", "fields": fields(argument.subargs, where + " (AmpList element)", problems)}
    if is_large(argument):
        return {"kind": cls.__name__}
    for name in SIMPLE:
        if cls is getattr(amp, name):
            return {"kind": name}
    problems.append(
        "%s is a %s, an amp.Argument of its own whose encoding amp import cannot know: write an"
        " io.ampjava.types.ArgumentType that encodes it the same way and declare the argument with"
        " @Argument(type = ...), or leave the command out (--skip-unsupported)" % (where, qualified(cls)))
    return {"kind": "Custom", "class": qualified(cls)}


def fields(pairs, where, problems):
    described = []
    for key, argument in pairs:
        name = text(key, "the key", problems) if isinstance(key, bytes) else str(key)
        described.append({
            "key": name,
            "optional": bool(getattr(argument, "optional", False)),
            "type": argument_type(argument, "%s '%s'" % (where, name), problems),
        })
    return described


def accumulated(command, attribute):
    """errors or fatalErrors as Twisted merges them along the class hierarchy."""
    merged = {}
    for cls in reversed(command.__mro__):
        merged.update(dict(cls.__dict__.get(attribute, {})))
    return merged


def errors(command, problems):
    described = []
    for fatal, attribute in ((False, "errors"), (True, "fatalErrors")):
        for exception, code in accumulated(command, attribute).items():
            described.append({
                "code": text(code, "the error code", problems),
                "fatal": fatal,
                "exception": exception.__qualname__,
                "module": exception.__module__,
            })
    return described


def describe(command):
    problems = []
    name = text(command.commandName, "the command name", problems)
    base = amp.ProtocolSwitchCommand if issubclass(command, amp.ProtocolSwitchCommand) else amp.Command
    for hook in HOOKS:
        owner = next(cls for cls in command.__mro__ if hook in cls.__dict__)
        if owner not in (amp.Command, amp.ProtocolSwitchCommand, object):
            problems.append("%s overrides %s (in %s): it encodes its own way, which amp import cannot follow;"
                            " declare it in Java by hand" % (command.__qualname__, hook, qualified(owner)))
    if command.commandType is not amp.Box:
        problems.append("%s sends its request as a %s, not a plain box: amp import cannot follow that"
                        % (command.__qualname__, qualified(command.commandType)))
    quits = command.responseType is amp.QuitBox
    if base is amp.Command and command.responseType not in (amp.Box, amp.QuitBox):
        problems.append("%s answers with a %s (what StartTLS does): use AmpConnection.startTls, or declare it by"
                        " hand" % (command.__qualname__, qualified(command.responseType)))
    return {
        "class": command.__name__,
        "qualname": command.__qualname__,
        "name": name,
        "switchesProtocol": base is amp.ProtocolSwitchCommand,
        "requiresAnswer": bool(command.requiresAnswer),
        "closesConnection": quits,
        "arguments": fields(command.arguments, "argument", problems),
        "response": fields(command.response, "response field", problems),
        "errors": errors(command, problems),
        "problems": problems,
    }


def main(names):
    modules = []
    for module_name in names:
        try:
            module = importlib.import_module(module_name)
        except Exception:
            sys.stderr.write("cannot import %s: %s" % (module_name, traceback.format_exc(limit=1).strip().splitlines()[-1]))
            return 2
        commands = [value for value in vars(module).values()
                    if isinstance(value, type) and issubclass(value, amp.Command) and value.__module__ == module.__name__
                    and value not in (amp.Command, amp.ProtocolSwitchCommand)]
        commands.sort(key=lambda command: command.__qualname__)
        modules.append({"module": module_name, "commands": [describe(command) for command in commands]})
    json.dump({"modules": modules}, sys.stdout, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
