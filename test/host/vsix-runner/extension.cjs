// A do-nothing extension: it exists only so the host has an extensionDevelopmentPath that is
// not the ArchLens repository, while the tests check the ArchLens installed from the .vsix.
exports.activate = () => {};
exports.deactivate = () => {};
