// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// NutUI React Taro 3.x keeps each component in dist/es/packages/<lowercase name>/ (with style/css.js beside it),
// so the on-demand import spells the path out instead of using libraryDirectory.
const nutuiPackage = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`;

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: nutuiPackage,
        customStyleName: (name) => `${nutuiPackage(name)}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
